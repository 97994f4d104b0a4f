/**
 * Client FREIGABEN (SPEC §3): per contact and module three switches. One pure function derives every
 * right from them; queries, actions and UI all use it. Default: nothing granted.
 */

export const clientModules = ['profile', 'communication', 'insurance', 'finance', 'other', 'emergency'] as const;
export type ClientModule = (typeof clientModules)[number];
export const folderModules = ['insurance', 'finance', 'other', 'emergency'] as const satisfies readonly ClientModule[];
export type FolderModule = (typeof folderModules)[number];

export interface Switches {
  /** FREISCHALTUNG */
  activation: boolean;
  /** DATENFREIGABE */
  dataRelease: boolean;
  /** NUR LESEN */
  readOnly: boolean;
}

export interface ClientRights {
  visible: boolean;
  seesAdvisorItems: boolean;
  seesOwnItems: boolean;
  /** Create items and edit own (PROFIL: edit master data; KOMMUNIKATION: send messages). */
  mayCreateEditOwn: boolean;
  mayEditDeleteAdvisorItems: boolean;
}

export const noSwitches: Switches = { activation: false, dataRelease: false, readOnly: false };

export function deriveRights(s: Switches): ClientRights {
  const visible = s.activation || s.dataRelease || s.readOnly;
  return {
    visible,
    seesAdvisorItems: s.dataRelease || (s.readOnly && !s.activation),
    seesOwnItems: visible,
    mayCreateEditOwn: (s.activation || s.dataRelease) && !s.readOnly,
    mayEditDeleteAdvisorItems: s.dataRelease && !s.readOnly,
  };
}

export type Grants = Record<ClientModule, Switches>;

export function emptyGrants(): Grants {
  return Object.fromEntries(clientModules.map((m) => [m, { ...noSwitches }])) as Grants;
}

export function rightsOf(grants: Grants, module: ClientModule): ClientRights {
  return deriveRights(grants[module] ?? noSwitches);
}

/** Whether a client may see one item of a module, by who created it. */
export function maySeeItem(grants: Grants, module: ClientModule, createdByClient: boolean): boolean {
  const r = rightsOf(grants, module);
  return createdByClient ? r.seesOwnItems : r.seesAdvisorItems;
}

/** Whether a client may change or delete one item of a module, by who created it. */
export function mayChangeItem(grants: Grants, module: ClientModule, createdByClient: boolean): boolean {
  const r = rightsOf(grants, module);
  return createdByClient ? r.mayCreateEditOwn : r.mayEditDeleteAdvisorItems;
}

/**
 * Whether the client may change or delete the advisor's own items in at least one module (DATENFREIGABE
 * without NUR LESEN): the FREIGABEN screen shows the handbook's warning then.
 */
export function releasesAdvisorItems(grants: Grants): boolean {
  return clientModules.some((m) => rightsOf(grants, m).mayEditDeleteAdvisorItems);
}

export function hasAnyVisible(grants: Grants): boolean {
  return clientModules.some((m) => rightsOf(grants, m).visible);
}

/** The handbook's presets on the FREIGABEN screen. */
export const presets = {
  readAll: 'Alles freigeben (nur lesen)',
  communicationOnly: 'Nur Kommunikation',
  none: 'Keine Freigaben',
} as const;
export type Preset = keyof typeof presets;

export function presetGrants(preset: Preset): Grants {
  const g = emptyGrants();
  if (preset === 'readAll')
    for (const m of clientModules) g[m] = { activation: false, dataRelease: false, readOnly: true };
  if (preset === 'communicationOnly') g.communication = { activation: true, dataRelease: false, readOnly: false };
  return g;
}
