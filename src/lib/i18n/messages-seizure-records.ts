/**
 * Strings of the seizure records kept by hand (spread into messages.ts), Vietnamese first.
 */
export const seizureRecordsVi = {
  'auditAction.seizure.create': 'Thêm vụ bắt giữ',
  'auditAction.seizure.update': 'Sửa vụ bắt giữ',
  'auditAction.seizure.delete': 'Xóa vụ bắt giữ',
};

export const seizureRecordsEn: Record<keyof typeof seizureRecordsVi, string> = {
  'auditAction.seizure.create': 'Add a seizure record',
  'auditAction.seizure.update': 'Change a seizure record',
  'auditAction.seizure.delete': 'Delete a seizure record',
};
