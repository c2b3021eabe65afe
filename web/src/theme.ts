import { createTheme } from '@mantine/core';

/** Compact defaults: the screens are data-dense and must fit an ordinary 1366×768 office screen. */
export const theme = createTheme({
  primaryColor: 'red',
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: '"Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: '"Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    Table: { defaultProps: { verticalSpacing: 4, horizontalSpacing: 'xs', fz: 'sm' } },
  },
});
