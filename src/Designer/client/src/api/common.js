import osDescriptor from '../moddle/os.json';
import { translateModule } from '../i18n/translate.js';

export const moddleExtensions = { os: osDescriptor };

export { translateModule };

/** Accepts an element or a CSS selector; fails loudly so a page wiring mistake is obvious. */
export function resolveElement(target, what) {
  const element = typeof target === 'string' ? document.querySelector(target) : target;
  if (!element) {
    throw new Error(`OneStopDesigner: ${what} not found (${target}).`);
  }
  return element;
}

/**
 * Resolves once the properties panel has rendered and wired its listeners (preact runs effects
 * after the next frame, or after 35 ms in a hidden tab); a selection made earlier would be missed.
 */
export function settle() {
  return new Promise(resolve => {
    const done = () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      setTimeout(resolve, 0);
    };
    const timer = setTimeout(done, 50);
    const frame = requestAnimationFrame(done);
  });
}

export function fitViewport(canvas) {
  canvas.zoom('fit-viewport', 'auto');
}

/** Small DOM helper for overlays: text goes through textContent, never innerHTML. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}
