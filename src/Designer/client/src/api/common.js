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

/**
 * Fits the diagram into the canvas at most at 100 %, keeping `left` pixels free (the editor's palette
 * floats over the canvas, so the built-in 'fit-viewport' would hide the start event under it).
 */
export function fitViewport(canvas, { left = 24 } = {}) {
  const margin = 24;
  const { inner, outer } = canvas.viewbox();
  if (!inner.width || !inner.height || !outer.width || !outer.height) {
    return;
  }
  const scale = Math.min(1, (outer.width - left - margin) / inner.width, (outer.height - 2 * margin) / inner.height);
  const height = outer.height / scale;
  canvas.viewbox({
    x: inner.x - left / scale,
    y: inner.y - (height - inner.height) / 2,
    width: outer.width / scale,
    height
  });
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
