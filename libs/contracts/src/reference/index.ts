export * from './cefr';
export * from './countries';
export * from './danish-municipalities';
export * from './isced';
export * from './isco-08';
export * from './languages';
export * from './nace-rev2';
export * from './reference-validators';
