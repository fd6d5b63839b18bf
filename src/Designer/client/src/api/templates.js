// New diagrams: every node has DI so bpmn-js and Camunda Modeler lay them out as drawn here.

const OS_NAMESPACE = 'http://onestop.gov.vn/schema/bpmn/os';

const TASK = { width: 100, height: 80 };
const EVENT = { width: 36, height: 36 };
const GATEWAY = { width: 50, height: 50 };
const MID_Y = 200;

export function blankXml(key, name) {
  return definitions(key, name, [
    { id: 'StartEvent_1', type: 'startEvent', name: 'Bắt đầu', x: 180, size: EVENT }
  ], []);
}

/** receive → specialist → head of department (may send back) → leader → return result. */
export function starterXml(key, name) {
  const nodes = [
    { id: 'StartEvent_1', type: 'startEvent', name: 'Nộp hồ sơ', x: 180, size: EVENT },
    { id: 'Task_Reception', type: 'userTask', name: 'Tiếp nhận hồ sơ', x: 260, size: TASK },
    { id: 'Task_Specialist', type: 'userTask', name: 'Chuyên viên xử lý', x: 410, size: TASK,
      attrs: { 'os:deadline': 'P2D', 'os:calendar': 'working' } },
    { id: 'Task_Head', type: 'userTask', name: 'Trưởng phòng duyệt', x: 560, size: TASK,
      attrs: { 'os:outcomes': 'Chuyển tiếp,Trả lại' } },
    { id: 'Gateway_Head', type: 'exclusiveGateway', name: 'Kết quả duyệt?', x: 735, size: GATEWAY,
      attrs: { default: 'Flow_Forward' } },
    { id: 'Task_Leader', type: 'userTask', name: 'Lãnh đạo ký', x: 860, size: TASK },
    { id: 'Task_Return', type: 'userTask', name: 'Trả kết quả', x: 1010, size: TASK },
    { id: 'EndEvent_1', type: 'endEvent', name: 'Hoàn thành', x: 1160, size: EVENT }
  ];
  const byId = Object.fromEntries(nodes.map(node => [ node.id, node ]));
  const straight = (id, source, target, extra = {}) => ({
    id, source, target, ...extra,
    points: [ [ right(byId[source]), MID_Y ], [ byId[target].x, MID_Y ] ]
  });
  const specialist = byId.Task_Specialist;
  const gateway = byId.Gateway_Head;
  const flows = [
    straight('Flow_1', 'StartEvent_1', 'Task_Reception'),
    straight('Flow_2', 'Task_Reception', 'Task_Specialist'),
    straight('Flow_3', 'Task_Specialist', 'Task_Head'),
    straight('Flow_4', 'Task_Head', 'Gateway_Head'),
    straight('Flow_Forward', 'Gateway_Head', 'Task_Leader', { name: 'Chuyển tiếp' }),
    {
      id: 'Flow_SendBack', source: 'Gateway_Head', target: 'Task_Specialist', name: 'Trả lại',
      condition: 'outcome == "Trả lại"',
      points: [
        [ centerX(gateway), MID_Y + GATEWAY.height / 2 ],
        [ centerX(gateway), MID_Y + 100 ],
        [ centerX(specialist), MID_Y + 100 ],
        [ centerX(specialist), MID_Y + TASK.height / 2 ]
      ]
    },
    straight('Flow_6', 'Task_Leader', 'Task_Return'),
    straight('Flow_7', 'Task_Return', 'EndEvent_1')
  ];
  return definitions(key, name, nodes, flows);
}

function right(node) {
  return node.x + node.size.width;
}

function centerX(node) {
  return node.x + node.size.width / 2;
}

function definitions(key, name, nodes, flows) {
  const incoming = id => flows.filter(flow => flow.target === id).map(flow => `<bpmn:incoming>${flow.id}</bpmn:incoming>`);
  const outgoing = id => flows.filter(flow => flow.source === id).map(flow => `<bpmn:outgoing>${flow.id}</bpmn:outgoing>`);

  const semanticNodes = nodes.map(node => {
    const attrs = Object.entries(node.attrs || {}).map(([ attr, value ]) => ` ${attr}="${escape(value)}"`).join('');
    const children = [ ...incoming(node.id), ...outgoing(node.id) ].map(line => `\n      ${line}`).join('');
    return `    <bpmn:${node.type} id="${node.id}" name="${escape(node.name)}"${attrs}>${children}\n    </bpmn:${node.type}>`;
  });
  const semanticFlows = flows.map(flow => {
    const nameAttr = flow.name ? ` name="${escape(flow.name)}"` : '';
    const open = `    <bpmn:sequenceFlow id="${flow.id}"${nameAttr} sourceRef="${flow.source}" targetRef="${flow.target}"`;
    return flow.condition
      ? `${open}>\n      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escapeText(flow.condition)}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>`
      : `${open} />`;
  });

  const shapes = nodes.map(node => {
    const y = MID_Y - node.size.height / 2;
    const marker = node.type === 'exclusiveGateway' ? ' isMarkerVisible="true"' : '';
    // Gateway labels go above: the send-back flow leaves through the bottom.
    const labelY = node.size === GATEWAY ? y - 21 : y + node.size.height + 7;
    const label = node.size === TASK
      ? ''
      : `\n        <bpmndi:BPMNLabel>\n          <dc:Bounds x="${node.x - 22}" y="${labelY}" width="${node.size.width + 44}" height="14" />\n        </bpmndi:BPMNLabel>`;
    return `      <bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"${marker}>\n` +
      `        <dc:Bounds x="${node.x}" y="${y}" width="${node.size.width}" height="${node.size.height}" />${label}\n` +
      '      </bpmndi:BPMNShape>';
  });
  const edges = flows.map(flow => {
    const waypoints = flow.points.map(([ x, y ]) => `\n        <di:waypoint x="${x}" y="${y}" />`).join('');
    const [ labelX, labelY ] = flow.points.length > 2
      ? [ (flow.points[1][0] + flow.points[2][0]) / 2 - 20, flow.points[1][1] + 4 ]
      : [ flow.points[0][0] + 4, MID_Y - 22 ];
    const label = flow.name
      ? `\n        <bpmndi:BPMNLabel>\n          <dc:Bounds x="${labelX}" y="${labelY}" width="68" height="14" />\n        </bpmndi:BPMNLabel>`
      : '';
    return `      <bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">${waypoints}${label}\n      </bpmndi:BPMNEdge>`;
  });

  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:os="${OS_NAMESPACE}" id="Definitions_1" targetNamespace="http://onestop.gov.vn/bpmn" exporter="OneStop Designer" exporterVersion="1.0">
  <bpmn:process id="${escape(key)}" name="${escape(name)}" isExecutable="true">
${[ ...semanticNodes, ...semanticFlows ].join('\n')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${escape(key)}">
${[ ...shapes, ...edges ].join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

function escapeText(value) {
  return String(value ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escape(value) {
  return escapeText(value).replace(/"/g, '&quot;');
}
