/** The parts of pngjs (a dependency of qrcode, already installed) the tests use; it ships no types. */
declare module 'pngjs' {
  export interface PngImage {
    width: number;
    height: number;
    /** RGBA, 4 bytes per pixel, row by row. */
    data: Buffer;
  }
  export const PNG: {
    sync: {
      read(bytes: Buffer): PngImage;
      write(image: PngImage, options?: { colorType?: number; inputHasAlpha?: boolean }): Buffer;
    };
  };
}
