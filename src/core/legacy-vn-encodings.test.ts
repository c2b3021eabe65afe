import { describe, expect, it } from 'vitest';
import { convertLegacyText, LegacyTextConverter } from './legacy-vn-encodings.ts';

// TCVN 5712:1993 (TCVN3/ABC) and VNI text as a legacy font shows it when read as Windows-1252.
describe('legacy Vietnamese encodings', () => {
  it.each([
    ['Hµ Néi', 'Hà Nội'],
    ['NguyÔn V¨n Hïng', 'Nguyễn Văn Hùng'],
    ['Lª ThÞ Hoa', 'Lê Thị Hoa'],
    ['Th¸i B×nh', 'Thái Bình'],
    ['§¶ng bé x· T©n LËp', 'Đảng bộ xã Tân Lập'],
    ['Tr­¬ng Quang Kh¶i', 'Trương Quang Khải'],
  ])('reads TCVN3 %s as %s', (legacy, unicode) => {
    expect(convertLegacyText(legacy)).toMatchObject({ text: unicode, conversion: 'tcvn3' });
  });

  it.each([
    ['Nguyeãn Vaên Huøng', 'Nguyễn Văn Hùng'],
    ['Haø Noäi', 'Hà Nội'],
    ['Tröông Thò Thu', 'Trương Thị Thu'],
    ['Ñaëng Vaên Ñoâng', 'Đặng Văn Đông'],
    ['NGUYEÃN THÒ NGOÏC', 'NGUYỄN THỊ NGỌC'],
  ])('reads VNI %s as %s', (legacy, unicode) => {
    expect(convertLegacyText(legacy)).toMatchObject({ text: unicode, conversion: 'vni' });
  });

  it('recomposes decomposed Unicode (NFD) and counts it', () => {
    const nfd = 'Nguyễn Thị Hằng'.normalize('NFD');
    expect(convertLegacyText(nfd)).toEqual({ text: 'Nguyễn Thị Hằng', conversion: 'nfd', decisive: false });
  });

  it('leaves Unicode and plain ASCII alone, even when every letter is below U+0100', () => {
    for (const text of ['Hà Nội', 'Nguyễn Văn A', 'Hoà', 'Tô Lâm', 'Kinh', 'C11']) {
      expect(convertLegacyText(text)).toMatchObject({ text, conversion: null });
    }
  });

  it('reads a cell both ways the way the rest of the file was read', () => {
    // "Toâ" has only letters Unicode Vietnamese uses: alone it stays; in a VNI file it is "Tô"
    expect(convertLegacyText('Toâ')).toMatchObject({ conversion: null, text: 'Toâ' });
    const converter = new LegacyTextConverter();
    expect(converter.convert('Nguyeãn Vaên Huøng')).toBe('Nguyễn Văn Hùng');
    expect(converter.convert('Toâ')).toBe('Tô');
    expect(converter.convert('Kinh')).toBe('Kinh');
    expect(converter.counts).toEqual({ tcvn3: 0, vni: 2, nfd: 0 });
  });

  it('counts conversions of one file by kind', () => {
    const converter = new LegacyTextConverter();
    converter.convert('Hµ Néi');
    converter.convert('Lª ThÞ Hoa');
    converter.convert('Hà Nội'.normalize('NFD'));
    converter.convert('Hà Nội');
    expect(converter.counts).toEqual({ tcvn3: 2, vni: 0, nfd: 1 });
  });
});
