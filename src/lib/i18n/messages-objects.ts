/** Strings of the account's named unit on the users page: Vietnamese first, English with the same keys. */
export const objectsVi = {
  'users.col.unit': 'Đơn vị',
  'users.form.unit': 'Đơn vị',
  'users.form.noUnit': '— Không thuộc đơn vị nào —',
  'users.form.unitHint': 'Tin chia sẻ cho các đơn vị được nêu tên sẽ đến người dùng của đơn vị đó.',
};

export const objectsEn: Record<keyof typeof objectsVi, string> = {
  'users.col.unit': 'Unit',
  'users.form.unit': 'Unit',
  'users.form.noUnit': '— No unit —',
  'users.form.unitHint': 'Reports shared with named units reach the users of those units.',
};
