/** Download names: any file name a user gave or a Vietnamese title, safe in a response header. */

/** `Phiếu đảng viên - Đỗ Thị Ánh.docx` → `Phieu-dang-vien-Do-Thi-Anh.docx` for clients without RFC 5987. */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._]+/g, '-')
    .replace(/-+(\.|$)/g, '$1')
    .replace(/^-+/, '');
}

/** An attachment with an ASCII name and the exact Vietnamese one (RFC 6266 / RFC 5987). */
export function contentDisposition(name: string): string {
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${exact}`;
}
