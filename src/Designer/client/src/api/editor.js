import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';

import SupportedElementsModule from '../modeling/SupportedElements.js';
import OneStopPropertiesModule from '../properties/index.js';
import { blankXml } from './templates.js';
import { el, fitViewport, moddleExtensions, resolveElement, settle, translateModule } from './common.js';

const LOOKUP_NAMES = [ 'departments', 'roles', 'handlers', 'notices', 'statuses' ];

const PROBLEM_OVERLAY = 'os-problem';

// Room for the palette, which floats over the canvas's left edge.
const PALETTE_WIDTH = 90;

function normalizeLookups(lookups = {}) {
  return Object.fromEntries(LOOKUP_NAMES.map(name => [
    name,
    (lookups[name] || []).map(option => ({ value: String(option.value), label: String(option.label ?? option.value) }))
  ]));
}

export async function createEditor({ container, propertiesPanel, xml, language, lookups } = {}) {
  const modeler = new BpmnModeler({
    container: resolveElement(container, 'container'),
    propertiesPanel: propertiesPanel ? { parent: resolveElement(propertiesPanel, 'propertiesPanel') } : undefined,
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      SupportedElementsModule,
      OneStopPropertiesModule,
      translateModule(language),
      { oneStopLookups: [ 'value', normalizeLookups(lookups) ] }
    ],
    moddleExtensions
  });

  const editor = new Editor(modeler);
  try {
    await editor.importXml(xml || blankXml('Process_1', ''));
  } catch (error) {
    modeler.destroy();
    throw error;
  }
  return editor;
}

class Editor {

  constructor(modeler) {
    this.modeler = modeler;
    this._problemElements = [];
  }

  /** The diagram as formatted BPMN 2.0 XML (os:* and foreign extensions included). */
  async getXml() {
    const { xml } = await this.modeler.saveXML({ format: true });
    return xml;
  }

  /** Replaces the diagram; rejects with the import error when the XML is not BPMN. */
  async importXml(xml) {
    this._problemElements = [];
    const { warnings } = await this.modeler.importXML(xml);
    fitViewport(this.modeler.get('canvas'), { left: PALETTE_WIDTH });
    await settle();
    return { warnings };
  }

  /**
   * Marks each problem's element and writes code + message beside it; replaces earlier problems.
   * @param {Array<{elementId: string, severity: 'Error'|'Warning', code: string, message: string}>} problems
   * @return {number} how many problems were drawn (the rest name no element of this diagram)
   */
  showProblems(problems = []) {
    this.clearProblems();
    const elementRegistry = this.modeler.get('elementRegistry');
    const canvas = this.modeler.get('canvas');
    const overlays = this.modeler.get('overlays');

    const byElement = new Map();
    for (const problem of problems) {
      const element = problem.elementId && elementRegistry.get(problem.elementId);
      if (element) {
        byElement.set(element, [ ...(byElement.get(element) || []), problem ]);
      }
    }

    let drawn = 0;
    for (const [ element, list ] of byElement) {
      const hasError = list.some(problem => isError(problem));
      canvas.addMarker(element, hasError ? 'os-problem-error' : 'os-problem-warning');
      this._problemElements.push(element);

      const box = el('div', `os-problem-overlay ${hasError ? 'os-problem-overlay-error' : 'os-problem-overlay-warning'}`);
      for (const problem of list) {
        const line = el('div', isError(problem) ? 'os-problem-line os-problem-line-error' : 'os-problem-line os-problem-line-warning');
        line.append(el('span', 'os-problem-code', problem.code || ''), document.createTextNode(` ${problem.message || ''}`));
        box.append(line);
      }
      overlays.add(element, PROBLEM_OVERLAY, { position: { bottom: -6, left: 0 }, html: box });
      drawn += list.length;
    }
    return drawn;
  }

  clearProblems() {
    const canvas = this.modeler.get('canvas');
    const elementRegistry = this.modeler.get('elementRegistry');
    for (const element of this._problemElements) {
      if (elementRegistry.get(element.id)) {
        canvas.removeMarker(element, 'os-problem-error');
        canvas.removeMarker(element, 'os-problem-warning');
      }
    }
    this._problemElements = [];
    this.modeler.get('overlays').remove({ type: PROBLEM_OVERLAY });
  }

  /** Calls back after every modelling change (including undo/redo); returns a function that unsubscribes. */
  onChange(callback) {
    const eventBus = this.modeler.get('eventBus');
    const listener = () => callback();
    eventBus.on('commandStack.changed', listener);
    return () => eventBus.off('commandStack.changed', listener);
  }

  /** Selects the element, scrolls it into view and shows it in the properties panel; false when absent. */
  selectElement(id) {
    const element = this.modeler.get('elementRegistry').get(id);
    if (!element) {
      return false;
    }
    this.modeler.get('canvas').scrollToElement(element);
    this.modeler.get('selection').select(element);
    return true;
  }

  destroy() {
    this.modeler.destroy();
  }
}

function isError(problem) {
  return String(problem.severity).toLowerCase() === 'error';
}
