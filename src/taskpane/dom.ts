/**
 * A tiny element builder. Text always goes in as text nodes (never parsed as HTML), so cell
 * values and sheet names such as `<img src=x onerror=…>` are shown, not run.
 */

export interface ElementProps {
  readonly className?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly onClick?: (event: Event) => void;
}

/** Creates an element with text, attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: ElementProps = {},
  children: readonly (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (props.className !== undefined) el.className = props.className;
  if (props.attrs !== undefined)
    for (const [name, value] of Object.entries(props.attrs)) el.setAttribute(name, value);
  if (props.text !== undefined) el.textContent = props.text;
  if (props.onClick !== undefined) el.addEventListener("click", props.onClick);
  for (const child of children)
    el.append(typeof child === "string" ? doc.createTextNode(child) : child);
  return el;
}

/** Removes every child of an element. */
export function clear(el: Element): void {
  while (el.firstChild !== null) el.removeChild(el.firstChild);
}

let counter = 0;

/** A unique id for label/ARIA wiring. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
