/**
 * Who may do what: the two permission tables of the Management Portal document, row by row, plus
 * the platform roles. The document's tables mark each row's roles left to right (Owner, Editor,
 * Viewer; Owner, Operator, Developer), and its prose confirms the rows it talks about (only Owner
 * and Operator submit, release and manage app members; Owner and Editor manage account members and
 * create apps; Viewers only browse).
 */
export const ACCOUNT_ROLES = ['owner', 'editor', 'viewer'] as const;
export const APP_ROLES = ['owner', 'operator', 'developer'] as const;
export const PLATFORM_ROLES = ['admin', 'reviewer'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export type AppRole = (typeof APP_ROLES)[number];
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** Account level: "The specific available permissions are listed in the table." */
export const ACCOUNT_PERMISSIONS = {
  /** Add or Remove user to / from developer account. */
  'account.members': ['owner', 'editor'],
  /** Transfer owner of the developer account to other. */
  'account.transfer': ['owner'],
  /** Change user's roles (an Editor cannot make or unmake an Owner: "not being able to change administrators"). */
  'account.roles': ['owner', 'editor'],
  /** View and list applications (list-application). */
  'account.apps.list': ['owner', 'editor'],
  /** Create / Change / Archive applications. */
  'account.apps.manage': ['owner', 'editor'],
  /** Manage Developer's information. */
  'account.info': ['owner', 'editor'],
  /** Login to the platform of developer. */
  'account.login': ['owner', 'editor', 'viewer'],
} as const satisfies Record<string, readonly AccountRole[]>;

/** Application level. */
export const APP_PERMISSIONS = {
  /** Upload a new Version. */
  'version.upload': ['owner', 'operator', 'developer'],
  /** Submit a Version for review. */
  'version.submit': ['owner', 'operator'],
  /** Get an approved Version online (and the other publishing actions: experience, rollback, shutdown). */
  'version.release': ['owner', 'operator'],
  /** Update the settings of an Application (the listing). */
  'app.settings': ['owner', 'operator'],
  /** Manage the membership of Application. */
  'app.members': ['owner', 'operator'],
  /** Update development settings (Service Domain and Business Domain lists). */
  'app.devsettings': ['owner', 'operator'],
  /** View the info and qrcode of Application (versions, reports, events). */
  'app.view': ['owner', 'operator', 'developer'],
} as const satisfies Record<string, readonly AppRole[]>;

export type AccountAction = keyof typeof ACCOUNT_PERMISSIONS;
export type AppAction = keyof typeof APP_PERMISSIONS;

export function accountAllows(role: AccountRole | undefined, action: AccountAction): boolean {
  return role !== undefined && (ACCOUNT_PERMISSIONS[action] as readonly string[]).includes(role);
}

export function appAllows(role: AppRole | undefined, action: AppAction): boolean {
  return role !== undefined && (APP_PERMISSIONS[action] as readonly string[]).includes(role);
}

export const isAccountRole = (value: unknown): value is AccountRole => (ACCOUNT_ROLES as readonly unknown[]).includes(value);
export const isAppRole = (value: unknown): value is AppRole => (APP_ROLES as readonly unknown[]).includes(value);
