import { h } from '@bpmn-io/properties-panel/preact';
import {
  NumberFieldEntry,
  SelectEntry,
  TextFieldEntry,
  isNumberFieldEntryEdited,
  isSelectEntryEdited,
  isTextFieldEntryEdited
} from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';

import { DEADLINE_UNITS, DEFAULT_DEADLINE_UNIT, readDeadline, writeDeadline } from './deadline.js';

const LOW_PRIORITY = 500;

// A unit chosen before any number is typed has no attribute to live in; remember it per element.
const pendingDeadlineUnits = new WeakMap();

/**
 * Adds the "OneStop" group (os:* attributes read by the engine) right after "General".
 * Every entry id is stable (os-department, os-deadline, ...) so pages and browser tests can find it.
 */
export default function OneStopPropertiesProvider(propertiesPanel, translate) {
  propertiesPanel.registerProvider(LOW_PRIORITY, this);
  this._translate = translate;
}

OneStopPropertiesProvider.$inject = [ 'propertiesPanel', 'translate' ];

OneStopPropertiesProvider.prototype.getGroups = function(element) {
  const translate = this._translate;
  return function(groups) {
    const entries = entriesFor(element);
    if (!entries.length) {
      return groups;
    }
    const group = { id: 'onestop', label: translate('OneStop'), entries, shouldOpen: true };
    const general = groups.findIndex(g => g.id === 'general');
    groups.splice(general + 1, 0, group);
    return groups;
  };
};

function entriesFor(element) {
  if (is(element, 'bpmn:Lane')) {
    return [ select('os-department', 'department', 'Department', 'departments', 'Tasks in this lane inherit its department.') ];
  }
  if (is(element, 'bpmn:UserTask')) {
    return [
      { ...select('os-department', 'department', 'Department', 'departments'), inheritFromLane: true },
      select('os-role', 'role', 'Role', 'roles'),
      text('os-assignee', 'assignee', 'Assignee expression', 'Expression over the dossier variables, e.g. applicant.officer'),
      { id: 'os-deadline', component: DeadlineAmount, isEdited: isNumberFieldEntryEdited },
      { id: 'os-deadline-unit', component: DeadlineUnit },
      text('os-outcomes', 'outcomes', 'Outcomes',
        'Comma-separated, e.g. Chuyển tiếp,Trả lại. Gateway conditions test outcome == "Trả lại".'),
      select('os-status', 'status', 'Dossier status on entry', 'statuses'),
      select('os-notice', 'notice', 'Notice template', 'notices')
    ];
  }
  if (is(element, 'bpmn:ServiceTask') || is(element, 'bpmn:SendTask') || is(element, 'bpmn:BusinessRuleTask')) {
    return [
      select('os-handler', 'handler', 'Handler', 'handlers'),
      select('os-notice', 'notice', 'Notice template', 'notices'),
      select('os-status', 'status', 'Dossier status on entry', 'statuses')
    ];
  }
  if (is(element, 'bpmn:FlowNode')) {
    return [ select('os-status', 'status', 'Dossier status on entry', 'statuses') ];
  }
  return [];
}

function select(id, attribute, label, lookup, description) {
  return { id, attribute, label, lookup, description, component: AttributeSelect, isEdited: isSelectEntryEdited };
}

function text(id, attribute, label, description) {
  return { id, attribute, label, description, component: AttributeText, isEdited: isTextFieldEntryEdited };
}

function AttributeSelect(props) {
  const { element, id, attribute, label, lookup, description, inheritFromLane } = props;
  const modeling = useService('modeling');
  const translate = useService('translate');
  const lookups = useService('oneStopLookups');
  const name = `os:${attribute}`;

  const getValue = () => getBusinessObject(element).get(name) || '';
  const getOptions = () => {
    const current = getValue();
    const options = lookups[lookup] || [];
    const known = !current || options.some(option => option.value === current);
    return [
      { value: '', label: translate('(not set)') },
      ...options,
      ...(known ? [] : [ { value: current, label: translate('{value} (not in list)', { value: current }) } ])
    ];
  };

  const inherited = inheritFromLane && !getValue() && laneDepartment(element);
  const shownDescription = inherited
    ? translate('Not set: the lane {lane} gives {department}.', {
      lane: inherited.lane,
      department: (lookups[lookup] || []).find(option => option.value === inherited.department)?.label || inherited.department
    })
    : description && translate(description);

  return h(SelectEntry, {
    element,
    id,
    label: translate(label),
    description: shownDescription,
    getValue,
    setValue: value => modeling.updateProperties(element, { [name]: value || undefined }),
    getOptions
  });
}

/** The department a task inherits from its lane (issue 5); the innermost lane wins over the lanes around it. */
function laneDepartment(element) {
  const lanes = getBusinessObject(element).get('lanes') || [];
  const innermostFirst = [ ...lanes ].sort((a, b) => Number(!!a.get('childLaneSet')) - Number(!!b.get('childLaneSet')));
  for (const lane of innermostFirst) {
    const department = lane.get('os:department');
    if (department) {
      return { lane: lane.get('name') || lane.get('id'), department };
    }
  }
  return null;
}

function AttributeText(props) {
  const { element, id, attribute, label, description } = props;
  const modeling = useService('modeling');
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const name = `os:${attribute}`;

  return h(TextFieldEntry, {
    element,
    id,
    label: translate(label),
    description: description && translate(description),
    debounce,
    getValue: () => getBusinessObject(element).get(name) || '',
    setValue: value => modeling.updateProperties(element, { [name]: value || undefined })
  });
}

function currentDeadline(element) {
  const bo = getBusinessObject(element);
  return readDeadline(bo.get('os:deadline'), bo.get('os:calendar'));
}

function DeadlineAmount(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const deadline = currentDeadline(element);

  const description = deadline.raw
    ? translate('Current value {value} is not one of these units; entering a number replaces it.', { value: deadline.raw })
    : translate('Leave empty for no deadline; fractions such as 0.5 are allowed.');

  return h(NumberFieldEntry, {
    element,
    id,
    label: translate('Deadline'),
    description,
    debounce,
    min: 0,
    step: 'any',
    getValue: () => deadline.amount,
    setValue: amount => {
      const unit = currentDeadline(element).unit || pendingDeadlineUnits.get(getBusinessObject(element)) || DEFAULT_DEADLINE_UNIT;
      modeling.updateProperties(element, writeDeadline(amount, unit));
    }
  });
}

function DeadlineUnit(props) {
  const { element, id } = props;
  const modeling = useService('modeling');
  const translate = useService('translate');
  const bo = getBusinessObject(element);

  return h(SelectEntry, {
    element,
    id,
    label: translate('Deadline unit'),
    getValue: () => currentDeadline(element).unit || pendingDeadlineUnits.get(bo) || DEFAULT_DEADLINE_UNIT,
    setValue: unit => {
      const { amount } = currentDeadline(element);
      if (amount === undefined) {
        pendingDeadlineUnits.set(bo, unit);
        return;
      }
      modeling.updateProperties(element, writeDeadline(amount, unit));
    },
    getOptions: () => DEADLINE_UNITS.map(unit => ({ value: unit.value, label: translate(unit.label) }))
  });
}
