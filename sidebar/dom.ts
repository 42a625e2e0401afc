// The only way the sidebar makes DOM: createElement / createElementNS and
// textContent. Nothing here (or anywhere in sidebar/) assigns innerHTML, so text
// from the catalog (user rows) is always shown as text, never parsed as markup.

/** Attributes set with setAttribute; `undefined` leaves an attribute out. */
export type Attributes = Readonly<Record<string, string | undefined>>;

/** A child: an element, or text (added as a text node). */
export type Child = Node | string;

/** An HTML element with attributes and children; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element (for the chart), made in the SVG namespace. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  children: readonly Child[] = [],
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

function setAttributes(element: Element, attributes: Attributes): void {
  for (const name of Object.keys(attributes)) {
    const value = attributes[name];
    if (value !== undefined) element.setAttribute(name, value);
  }
}

function append(element: Element, children: readonly Child[]): void {
  for (const child of children) {
    element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's children (textContent = '' removes them without parsing anything). */
export function replaceChildren(element: Element, children: readonly Child[]): void {
  element.textContent = '';
  append(element, children);
}

/** The element with this id, or an error naming it (the page is built by this code). */
export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`sidebar: no element #${id}`);
  return element as T;
}
