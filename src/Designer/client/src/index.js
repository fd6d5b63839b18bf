/**
 * OneStop designer client: window.OneStopDesigner, loaded from
 * /_content/OneStop.Designer/dist/designer.js together with dist/designer.css.
 *
 * createEditor({ container, propertiesPanel, xml, language, lookups }) → Promise<Editor>
 *   container, propertiesPanel: elements or CSS selectors (the panel is optional).
 *   xml: BPMN 2.0 XML; a blank diagram when omitted. language: 'vi' (default) or 'en'.
 *   lookups: { departments, roles, handlers, notices, statuses }, each [{ value, label }], all optional.
 *     departments values are "AGENCYCODE/DEPTCODE"; statuses are the national codes 1–10.
 *   Editor:
 *     getXml() → Promise<string>                      formatted XML
 *     importXml(xml) → Promise<{ warnings }>          rejects when the XML cannot be read
 *     showProblems([{ elementId, severity: 'Error'|'Warning', code, message }]) → number drawn
 *       marks elements with os-problem-error / os-problem-warning and an overlay "code message";
 *       problems whose elementId is not in the diagram are skipped.
 *     clearProblems()
 *     onChange(callback) → unsubscribe                 after every command stack change
 *     selectElement(id) → boolean                     selects, scrolls to it, shows it in the panel
 *     destroy()
 *     modeler                                         the raw bpmn-js Modeler
 *   Properties panel entries (group "onestop"): os-department, os-role, os-assignee, os-deadline,
 *     os-deadline-unit, os-outcomes, os-status, os-notice, os-handler; each renders
 *     [data-entry-id="<id>"] with its input #bio-properties-panel-<id>.
 *
 * createViewer({ container, xml, language, active, completed, counts, incidents }) → Promise<Viewer>
 *   active, completed, incidents: element ids; counts: { elementId: number }.
 *   Viewer:
 *     update({ active, completed, counts, incidents })   redraws markers os-active / os-completed /
 *                                                        os-incident and count badges (.os-count)
 *     onElementClick(callback(elementId)) → unsubscribe
 *     destroy()
 *     viewer                                             the raw bpmn-js NavigatedViewer
 *
 * blankXml(key, name), starterXml(key, name) → string
 *   New diagrams whose process id is `key`: blank has one start event; starter is
 *   Tiếp nhận hồ sơ → Chuyên viên xử lý (2 working days) → Trưởng phòng duyệt (Chuyển tiếp / Trả lại
 *   back to the specialist) → Lãnh đạo ký → Trả kết quả.
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './designer.css';

import { createEditor } from './api/editor.js';
import { createViewer } from './api/viewer.js';
import { blankXml, starterXml } from './api/templates.js';

window.OneStopDesigner = Object.freeze({ createEditor, createViewer, blankXml, starterXml });
