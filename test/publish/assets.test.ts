// The Marketplace listing's images are committed files made by `npm run marketplace-assets`.
// This reads each one's PNG header (it renders nothing), so an icon, the banner or a
// screenshot of the wrong size cannot slip in, and a file nobody listed stands out.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { MARKETPLACE_DIR, MARKETPLACE_IMAGES, SCREENSHOTS } from '../../scripts/marketplace/assets';

const ROOT = path.join(__dirname, '..', '..');
const DIR = path.join(ROOT, MARKETPLACE_DIR);

/** The first 8 bytes of every PNG file. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface PngHeader {
  readonly width: number;
  readonly height: number;
  /** 6 is RGBA: the icons keep transparent corners. */
  readonly colorType: number;
}

/**
 * Width, height and colour type from the IHDR chunk, which a PNG must start with: signature
 * (8 bytes), chunk length (4), "IHDR" (4), width (4, big-endian), height (4), bit depth (1),
 * colour type (1).
 */
function pngHeader(bytes: Buffer, name: string): PngHeader {
  if (bytes.length < 26 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error(`${name} is not a PNG file`);
  }
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error(`${name} does not start with an IHDR chunk`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25] };
}

describe('pngHeader', () => {
  // A hand-made header: signature, length 13, "IHDR", width 300 (0x12c), height 2, depth 8, RGBA.
  const header = Buffer.concat([
    PNG_SIGNATURE,
    Buffer.from([0, 0, 0, 13]),
    Buffer.from('IHDR', 'latin1'),
    Buffer.from([0, 0, 0x01, 0x2c, 0, 0, 0, 2, 8, 6]),
  ]);

  it('reads the width and height big-endian, and the colour type', () => {
    expect(pngHeader(header, 'made')).toEqual({ width: 300, height: 2, colorType: 6 });
  });

  it('refuses a file that is not a PNG', () => {
    expect(() => pngHeader(Buffer.from('GIF89a and more bytes than 26 ....'), 'x.png')).toThrow(
      'x.png is not a PNG file',
    );
  });
});

describe(`the Marketplace images in ${MARKETPLACE_DIR}/ (npm run marketplace-assets)`, () => {
  it.each(MARKETPLACE_IMAGES.map((image) => [image.file, image] as const))(
    '%s has the pixel size the listing asks for',
    (file, image) => {
      const header = pngHeader(readFileSync(path.join(DIR, file)), file);
      expect({ width: header.width, height: header.height }).toEqual({
        width: image.width,
        height: image.height,
      });
    },
  );

  it('the sizes are the Store Listing page’s: icons 128 and 32, banner 220×140, screenshots 1280×800', () => {
    const sizes = MARKETPLACE_IMAGES.map((image) => `${image.width}x${image.height}`);
    expect(sizes.slice(0, 3)).toEqual(['128x128', '32x32', '220x140']);
    const screenshots = Object.values(SCREENSHOTS);
    expect(screenshots.length).toBeGreaterThanOrEqual(1);
    for (const shot of screenshots) expect(`${shot.width}x${shot.height}`).toBe('1280x800');
  });

  it('the icons have an alpha channel (transparent corners)', () => {
    for (const file of ['icon-128.png', 'icon-32.png']) {
      expect(pngHeader(readFileSync(path.join(DIR, file)), file).colorType).toBe(6);
    }
  });

  it('holds no image the list does not name', () => {
    const listed = MARKETPLACE_IMAGES.map((image) => image.file).sort();
    expect(readdirSync(DIR).sort()).toEqual(listed);
  });

  it('docs/listing.md links every image', () => {
    const listing = readFileSync(path.join(ROOT, 'docs', 'listing.md'), 'utf8');
    for (const image of MARKETPLACE_IMAGES) {
      expect(listing).toContain(`](marketplace/${image.file})`);
    }
  });
});
