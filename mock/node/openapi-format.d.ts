// openapi-format ships no types for its overlay module: the part of it the mock uses.
declare module "openapi-format/utils/overlay.js" {
  export function openapiOverlay(
    document: object,
    options: { overlaySet: unknown },
  ): Promise<{ data: object; resultData: { unusedActions: Array<{ target: string }> } }>;
}
