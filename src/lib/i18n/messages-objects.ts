/**
 * Strings of the account's named unit on the users page, and of editing objects and paging the
 * lists on /info: Vietnamese first, English with the same keys.
 */
export const objectsVi = {
  'users.col.unit': 'Đơn vị',
  'users.form.unit': 'Đơn vị',
  'users.form.noUnit': '— Không thuộc đơn vị nào —',
  'users.form.unitHint': 'Tin chia sẻ cho các đơn vị được nêu tên sẽ đến người dùng của đơn vị đó.',

  'objects.edit': 'Sửa',
  'objects.edit.title': 'Sửa đối tượng #{id}',
  'objects.edit.submit': 'Lưu thay đổi',
  'objects.edit.maskedNote':
    'Số hiệu và mô tả được giữ nguyên: vai trò của bạn không được xem nên không sửa được.',
  'objects.edit.wouldHide':
    'Hãy chọn cả đơn vị của bạn: nếu không, bạn sẽ không còn xem được đối tượng này.',
  'objects.edit.saved': 'Đã lưu đối tượng #{id}.',
  'objects.conflict.title': 'Đối tượng đã được người khác sửa',
  'objects.conflict.body':
    'Bản {v} được lưu lúc {when}. Những gì bạn nhập vẫn còn trong biểu mẫu: tải bản mới, hoặc ghi đè bằng bản của bạn.',
  'objects.conflict.gone': 'Đối tượng không còn, hoặc bạn không còn được xem.',
  'objects.conflict.reload': 'Tải bản mới',
  'objects.conflict.keepMine': 'Ghi đè bằng bản của tôi',
  'objects.detail.unit': 'Đơn vị',
};

export const objectsEn: Record<keyof typeof objectsVi, string> = {
  'users.col.unit': 'Unit',
  'users.form.unit': 'Unit',
  'users.form.noUnit': '— No unit —',
  'users.form.unitHint': 'Reports shared with named units reach the users of those units.',

  'objects.edit': 'Edit',
  'objects.edit.title': 'Edit object #{id}',
  'objects.edit.submit': 'Save changes',
  'objects.edit.maskedNote':
    'The identifier and description stay as they are: your role may not read them, so cannot change them.',
  'objects.edit.wouldHide':
    'Tick your own unit too: without it you would no longer see this object.',
  'objects.edit.saved': 'Object #{id} saved.',
  'objects.conflict.title': 'Someone else changed this object',
  'objects.conflict.body':
    'Version {v} was saved at {when}. What you typed is still in the form: load their version, or overwrite it with yours.',
  'objects.conflict.gone': 'The object is gone, or no longer shared with you.',
  'objects.conflict.reload': 'Load their version',
  'objects.conflict.keepMine': 'Overwrite with mine',
  'objects.detail.unit': 'Unit',
};
