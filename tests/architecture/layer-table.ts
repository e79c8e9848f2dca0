/**
 * The layer table of docs/architecture.md, read from its ```layers and ```packages blocks: the document
 * is the rule, and layers.test.ts checks the import graph against what it says.
 */
export interface LayerTable {
  /** Highest first: a layer's name and the paths in it (a folder ends in "/"; "…/*\/" makes each subfolder a unit). */
  layers: { name: string; paths: string[] }[];
  /** Packages (a trailing "/*" matches a scope) that only files under the given paths may import. */
  packages: { names: string[]; only: string[] }[];
}

function block(markdown: string, info: string): string[] {
  const match = markdown.match(new RegExp(`^\`\`\`${info}\\n([\\s\\S]*?)^\`\`\``, 'm'));
  if (!match?.[1]) throw new Error(`docs/architecture.md has no \`\`\`${info} block`);
  return match[1]
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

export function parseLayerTable(markdown: string): LayerTable {
  const layers = block(markdown, 'layers').map((line) => {
    const [name = '', ...paths] = line.split(/\s+/);
    return { name, paths };
  });
  const packages = block(markdown, 'packages').map((line) => {
    const words = line.split(/\s+/);
    const at = words.indexOf('only');
    if (at < 1 || at === words.length - 1) throw new Error(`packages line "${line}": write PACKAGE … only PATH …`);
    return { names: words.slice(0, at), only: words.slice(at + 1) };
  });
  return { layers, packages };
}

/** Where a file sits: its layer (0 is the highest) and its unit (a path of the table, or one feature's folder). */
export interface Place {
  layer: number;
  name: string;
  unit: string;
}

/** The place of a file: the longest path of the table that holds it; null if none does. */
export function placeOf(table: LayerTable, file: string): Place | null {
  let best: (Place & { length: number }) | null = null;
  for (const [layer, { name, paths }] of table.layers.entries()) {
    for (const path of paths) {
      let unit: string | null = null;
      if (path.endsWith('/*/')) {
        const parent = path.slice(0, -2);
        const rest = file.startsWith(parent) ? file.slice(parent.length) : '';
        const folder = rest.split('/')[0];
        if (folder && rest.includes('/')) unit = `${parent}${folder}/`;
      } else if (path.endsWith('/') ? file.startsWith(path) : file === path) unit = path;
      if (unit && (!best || path.length > best.length)) best = { layer, name, unit, length: path.length };
    }
  }
  return best && { layer: best.layer, name: best.name, unit: best.unit };
}

/** Whether a package name is one of the names ("@tanstack/*" matches any @tanstack package). */
export function namesPackage(names: readonly string[], pkg: string): boolean {
  return names.some((name) => (name.endsWith('/*') ? pkg.startsWith(name.slice(0, -1)) : pkg === name));
}
