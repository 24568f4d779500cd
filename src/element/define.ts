import { SpatialMosaicElement } from './SpatialMosaicElement';

export const DEFAULT_TAG = 'spatial-mosaic';

/**
 * Registers the element once. Safe to call many times, and safe when two copies of the library share a page:
 * whichever defined the tag first keeps it, and the class that owns it is returned.
 */
export function defineSpatialMosaic(tagName = DEFAULT_TAG): CustomElementConstructor {
  const existing = customElements.get(tagName);
  if (existing) return existing;
  // A subclass per extra tag: one constructor cannot be registered under two names.
  const cls = tagName === DEFAULT_TAG ? SpatialMosaicElement : class extends SpatialMosaicElement {};
  customElements.define(tagName, cls);
  return cls;
}

declare global {
  interface HTMLElementTagNameMap {
    'spatial-mosaic': SpatialMosaicElement;
  }
}
