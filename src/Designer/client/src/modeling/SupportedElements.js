// Restricts the palette and the "change type" menu to the elements the OneStop engine executes
// (see src/Workflows/Model/ElementKind.cs and EventTrigger). Unsupported elements in imported files
// still render; the server-side validation reports them.

const LOW_PRIORITY = 500;

const UNSUPPORTED_PALETTE_ENTRIES = [ 'create.data-object', 'create.data-store', 'create.group' ];

const UNSUPPORTED_CONTEXT_PAD_ENTRIES = [
  'append.condition-intermediate-event', 'append.signal-intermediate-event', 'append.compensation-activity'
];

// Ids of bpmn-js replace options (the part after 'replace-with-').
const SUPPORTED_REPLACEMENTS = new Set([
  'none-start', 'none-intermediate-throw', 'none-intermediate-throwing', 'none-end',
  'message-start', 'timer-start', 'error-start', 'escalation-start',
  'non-interrupting-message-start', 'non-interrupting-timer-start', 'non-interrupting-escalation-start',
  'message-intermediate-catch', 'message-intermediate-throw', 'timer-intermediate-catch',
  'escalation-intermediate-throw', 'link-intermediate-catch', 'link-intermediate-throw',
  'message-end', 'escalation-end', 'error-end', 'terminate-end',
  'message-boundary', 'timer-boundary', 'escalation-boundary', 'error-boundary',
  'non-interrupting-message-boundary', 'non-interrupting-timer-boundary', 'non-interrupting-escalation-boundary',
  'task', 'user-task', 'manual-task', 'service-task', 'send-task', 'receive-task', 'script-task', 'rule-task',
  'call-activity', 'subprocess', 'collapsed-subprocess', 'expanded-subprocess', 'event-subprocess',
  'exclusive-gateway', 'parallel-gateway', 'inclusive-gateway', 'event-based-gateway',
  'sequence-flow', 'default-flow', 'conditional-flow',
  'expanded-pool', 'collapsed-pool'
]);

const REPLACE_PREFIX = 'replace-with-';

export function isSupportedReplacement(actionName) {
  return !actionName.startsWith(REPLACE_PREFIX) || SUPPORTED_REPLACEMENTS.has(actionName.slice(REPLACE_PREFIX.length));
}

function SupportedPaletteFilter(palette) {
  palette.registerProvider(LOW_PRIORITY, this);
}

SupportedPaletteFilter.$inject = [ 'palette' ];

SupportedPaletteFilter.prototype.getPaletteEntries = function() {
  return function(entries) {
    for (const id of UNSUPPORTED_PALETTE_ENTRIES) {
      delete entries[id];
    }
    return entries;
  };
};

function SupportedContextPadFilter(contextPad) {
  contextPad.registerProvider(LOW_PRIORITY, this);
}

SupportedContextPadFilter.$inject = [ 'contextPad' ];

SupportedContextPadFilter.prototype.getContextPadEntries = function() {
  return function(entries) {
    for (const id of UNSUPPORTED_CONTEXT_PAD_ENTRIES) {
      delete entries[id];
    }
    return entries;
  };
};

function SupportedReplaceFilter(popupMenu) {
  popupMenu.registerProvider('bpmn-replace', LOW_PRIORITY, this);
}

SupportedReplaceFilter.$inject = [ 'popupMenu' ];

SupportedReplaceFilter.prototype.getPopupMenuEntries = function() {
  return function(entries) {
    return Object.fromEntries(Object.entries(entries).filter(([ id ]) => isSupportedReplacement(id)));
  };
};

export default {
  __init__: [ 'supportedPaletteFilter', 'supportedContextPadFilter', 'supportedReplaceFilter' ],
  supportedPaletteFilter: [ 'type', SupportedPaletteFilter ],
  supportedContextPadFilter: [ 'type', SupportedContextPadFilter ],
  supportedReplaceFilter: [ 'type', SupportedReplaceFilter ]
};
