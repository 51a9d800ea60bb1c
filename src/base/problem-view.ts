import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../contract/types.js';
import { describeIssue, type Problem } from './problem.js';
import { statusMessage } from './status-messages.js';

/**
 * A problem as every element shows it (part `status`): a note, or an alert with a heading, each
 * issue of a file on its own line and, when `retry` is given, a button that tries again.
 */
export function renderProblem(problem: Problem, locale: Locale, retry?: () => void): TemplateResult {
  if (problem.severity === 'note') return html`<p part="status" class="status" role="status">${problem.message}</p>`;
  const issues = problem.issues ?? [];
  return html`<div part="status" class="status error" role="alert" data-problem=${problem.code}>
    <p><strong>${statusMessage('errorTitle', locale)}</strong></p>
    ${issues.length
      ? html`<ul>
          ${issues.map((issue) => html`<li>${describeIssue(issue, locale)}</li>`)}
        </ul>`
      : html`<p>${problem.message}</p>`}
    ${retry ? html`<button type="button" part="retry" class="retry" @click=${retry}>${statusMessage('retry', locale)}</button>` : nothing}
  </div>`;
}
