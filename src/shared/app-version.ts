import { version } from '../../package.json';

/** The app's version, printed in the footer of every exported page (only the field is bundled). */
export const APP_VERSION: string = version;
