import { el, t } from './common.js';

/**
 * Renders validation problems as a list beside the canvas (each one with an element selects it) and as
 * markers on the diagram; returns the number of errors.
 */
export function renderProblems(editor, problems, { list, summary }) {
  editor.showProblems(problems.map(p => ({ elementId: p.elementId, severity: p.severity, code: p.code, message: p.message })));
  const errors = problems.filter(p => p.severity === 'Error').length;
  const warnings = problems.length - errors;
  summary.textContent = problems.length === 0 ? t('NoProblems') : t('ProblemCount', { errors, warnings });
  list.replaceChildren(...problems.map(problem => {
    const kind = problem.severity === 'Error' ? 'error' : 'warning';
    const label = `${t(problem.severity === 'Error' ? 'SeverityError' : 'SeverityWarning')} ${problem.code}`;
    const content = [
      el('span', { className: `dz-severity dz-severity-${kind}`, text: label }),
      document.createTextNode(' '),
      el('span', { text: problem.message })
    ];
    if (!problem.elementId) {
      return el('li', { className: `dz-problem dz-problem-${kind}` }, ...content);
    }
    const button = el('button', {
      className: 'dz-problem-link',
      attrs: { type: 'button', 'data-element-id': problem.elementId, title: t('ShowElement', { id: problem.elementId }) }
    }, ...content, el('span', { className: 'dz-element-id', text: ` (${problem.elementId})` }));
    button.addEventListener('click', () => editor.selectElement(problem.elementId));
    return el('li', { className: `dz-problem dz-problem-${kind}` }, button);
  }));
  return errors;
}
