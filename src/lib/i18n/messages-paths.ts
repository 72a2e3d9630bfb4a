/** The reports layer's name in the layer list and the export dialog (issue 11, part paths). */
export const pathsVi = {
  'layers.reports': 'Tin báo',
} as const;

export const pathsEn: Record<keyof typeof pathsVi, string> = {
  'layers.reports': 'Information reports',
};
