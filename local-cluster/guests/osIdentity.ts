/** How a guest presents its operating system: /etc/os-release and `uname -r`. */
export interface OsIdentity {
  /** os-release NAME, e.g. "Fedora Linux". */
  name: string;
  /** os-release ID, e.g. "fedora". */
  id: string;
  /** os-release VERSION_ID, e.g. "41" (empty when the name has no version). */
  versionId: string;
  prettyName: string;
  /** A kernel release typical of that OS, for the built-in guest's `uname -r`. */
  kernelRelease: string;
}

const KNOWN_IDS: [RegExp, string][] = [
  [/red hat enterprise linux|\brhel\b/i, 'rhel'],
  [/centos/i, 'centos'],
  [/fedora/i, 'fedora'],
  [/ubuntu/i, 'ubuntu'],
  [/debian/i, 'debian'],
  [/opensuse|suse/i, 'opensuse'],
  [/windows/i, 'windows'],
  [/cirros/i, 'cirros'],
];

/** Derives the identity from a display name like "Fedora Linux 41" or "Red Hat Enterprise Linux 9.4". */
export function osIdentity(osName: string): OsIdentity {
  const prettyName = osName.trim() || 'Linux';
  const versionMatch = /\s+v?(\d+(?:\.\d+)*)\s*$/.exec(prettyName);
  const versionId = versionMatch ? versionMatch[1] : '';
  const name = versionMatch ? prettyName.slice(0, versionMatch.index) : prettyName;
  const known = KNOWN_IDS.find(([pattern]) => pattern.test(prettyName));
  const id = known
    ? known[1]
    : name
        .toLowerCase()
        .split(/\s+/)[0]
        .replace(/[^a-z0-9._-]/g, '') || 'linux';
  return { name, id, versionId, prettyName, kernelRelease: kernelReleaseFor(id, versionId) };
}

function kernelReleaseFor(id: string, versionId: string): string {
  const major = versionId.split('.')[0];
  switch (id) {
    case 'fedora':
      return `6.11.4-301.fc${major || '41'}.x86_64`;
    case 'rhel':
    case 'centos':
      return major === '8' ? '4.18.0-553.el8_10.x86_64' : '5.14.0-427.13.1.el9_4.x86_64';
    case 'ubuntu':
      return '6.8.0-45-generic';
    case 'debian':
      return '6.1.0-26-amd64';
    default:
      return '6.1.0';
  }
}

/** A double-quoted os-release value (the file is sourced by shells, so shell quoting applies). */
function quoted(value: string): string {
  const escaped = value.replace(/[\\"$`]/g, (ch) => '\\' + ch);
  return '"' + escaped + '"';
}

/** The text of /etc/os-release. */
export function osReleaseFile(identity: OsIdentity): string {
  const lines = [
    `NAME=${quoted(identity.name)}`,
    identity.versionId ? `VERSION=${quoted(identity.versionId)}` : undefined,
    `ID=${identity.id}`,
    identity.versionId ? `VERSION_ID=${identity.versionId}` : undefined,
    `PRETTY_NAME=${quoted(identity.prettyName)}`,
  ];
  return `${lines.filter((line) => line !== undefined).join('\n')}\n`;
}
