import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

import { el, fitViewport, moddleExtensions, resolveElement, translateModule } from './common.js';

const STATE_MARKERS = [ 'os-active', 'os-completed', 'os-incident' ];
const COUNT_OVERLAY = 'os-count';

export async function createViewer({ container, xml, language, ...state } = {}) {
  const viewer = new NavigatedViewer({
    container: resolveElement(container, 'container'),
    additionalModules: [ translateModule(language) ],
    moddleExtensions
  });
  try {
    await viewer.importXML(xml);
  } catch (error) {
    viewer.destroy();
    throw error;
  }
  fitViewport(viewer.get('canvas'));

  const instanceViewer = new Viewer(viewer);
  instanceViewer.update(state);
  return instanceViewer;
}

class Viewer {

  constructor(viewer) {
    this.viewer = viewer;
  }

  /**
   * Redraws the instance state: markers os-active / os-completed / os-incident and count badges.
   * Ids that are not in the diagram are ignored.
   */
  update({ active = [], completed = [], counts = {}, incidents = [] } = {}) {
    const canvas = this.viewer.get('canvas');
    const elementRegistry = this.viewer.get('elementRegistry');
    const overlays = this.viewer.get('overlays');

    overlays.remove({ type: COUNT_OVERLAY });
    for (const element of elementRegistry.getAll()) {
      STATE_MARKERS.forEach(marker => canvas.removeMarker(element, marker));
    }

    const mark = (ids, marker) => ids
      .filter(id => elementRegistry.get(id))
      .forEach(id => canvas.addMarker(id, marker));
    mark(completed, 'os-completed');
    mark(active, 'os-active');
    mark(incidents, 'os-incident');

    for (const [ id, count ] of Object.entries(counts)) {
      const element = elementRegistry.get(id);
      if (element && count && element.waypoints === undefined) {
        overlays.add(element, COUNT_OVERLAY, {
          position: { bottom: 8, right: 8 },
          html: el('div', incidents.includes(id) ? 'os-count os-count-incident' : 'os-count', String(count))
        });
      }
    }
  }

  /** Calls back with the element id when an element is clicked (e.g. to filter the journal). */
  onElementClick(callback) {
    const eventBus = this.viewer.get('eventBus');
    const listener = event => callback(event.element.id);
    eventBus.on('element.click', listener);
    return () => eventBus.off('element.click', listener);
  }

  destroy() {
    this.viewer.destroy();
  }
}
