import { describe, expect, it } from 'vitest';
import { buildRDPFile } from './rdp';
import {
  getSysprepCredentials,
  type ParseXMLDocument,
  parseSysprepCredentials,
  sysprepSourceFiles,
  type XMLNode,
} from './sysprepCredentials';

type Node = XMLNode & { children: Node[]; textContent: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ENTITIES[e]);

/**
 * Node has no DOMParser: a small reader of well-formed XML into the shape the lookup reads
 * (prefixed names give their local name, as in the DOM). It reports nothing about errors; those
 * are a parser's `parsererror`, given by `broken` below.
 */
const parseTree: ParseXMLDocument = (xml) => {
  const root: Node = { localName: '#document', children: [], textContent: '' };
  const stack: Node[] = [root];
  const body = xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '');
  for (const [, close, name, selfClose, chars] of body.matchAll(
    /<(\/?)([\w:.-]+)[^>]*?(\/?)>|([^<]+)/g,
  )) {
    if (chars !== undefined) {
      for (const open of stack) open.textContent += unescape(chars);
    } else if (close) {
      stack.pop();
    } else {
      const node: Node = { localName: name.replace(/^.*:/, ''), children: [], textContent: '' };
      stack[stack.length - 1].children.push(node);
      if (!selfClose) stack.push(node);
    }
  }
  return {
    documentElement: root.children[0] ?? null,
    getElementsByTagName: () => [],
  };
};

/** A browser's answer to broken XML: a document with a `parsererror` element. */
const broken: ParseXMLDocument = () => ({
  documentElement: { localName: 'unattend', children: [], textContent: '' },
  getElementsByTagName: (name) => (name === 'parsererror' ? [{}] : []),
});

/** An answer file whose oobeSystem Shell-Setup component holds `settings`. */
const unattend = (settings: string) => `<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64"
      publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"
      xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State"
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      ${settings}
    </component>
  </settings>
</unattend>`;

const plain = (tag: string, value: string, plainText = 'true') =>
  `<${tag}><Value>${value}</Value><PlainText>${plainText}</PlainText></${tag}>`;

/** What Windows SIM writes for a hidden password: base64 of UTF-16LE password + element name. */
const hidden = (password: string, tag: string) =>
  Buffer.from(password + tag, 'utf16le').toString('base64');

const parse = (xml: string) => parseSysprepCredentials(xml, parseTree);

describe('parseSysprepCredentials', () => {
  it('reads the built-in Administrator from UserAccounts/AdministratorPassword', () => {
    expect(
      parse(unattend(`<UserAccounts>${plain('AdministratorPassword', 'S3cret!')}</UserAccounts>`)),
    ).toEqual({ user: 'Administrator', password: 'S3cret!' });
  });

  it('reads the first LocalAccount with its Name and Password', () => {
    expect(
      parse(
        unattend(`<UserAccounts>
          ${plain('AdministratorPassword', 'adminpw')}
          <LocalAccounts>
            <LocalAccount wcm:action="add">
              ${plain('Password', 'p&amp;ss &lt;1&gt;')}
              <Group>Administrators</Group>
              <Name>alice</Name>
            </LocalAccount>
            <LocalAccount wcm:action="add"><Name>bob</Name></LocalAccount>
          </LocalAccounts>
        </UserAccounts>`),
      ),
    ).toEqual({ user: 'alice', password: 'p&ss <1>' });
  });

  it('prefers the AutoLogon account; its password may come from the account of that name', () => {
    const accounts = `<UserAccounts>
      ${plain('AdministratorPassword', 'adminpw')}
      <LocalAccounts><LocalAccount>${plain('Password', 'bobpw')}<Name>Bob</Name></LocalAccount>
      </LocalAccounts></UserAccounts>`;
    expect(
      parse(
        unattend(
          `<AutoLogon>${plain('Password', 'autopw')}<Enabled>true</Enabled><Username>carol</Username></AutoLogon>${accounts}`,
        ),
      ),
    ).toEqual({ user: 'carol', password: 'autopw' });
    expect(parse(unattend(`<AutoLogon><Username>bob</Username></AutoLogon>${accounts}`))).toEqual({
      user: 'bob',
      password: 'bobpw',
    });
    expect(
      parse(unattend(`<AutoLogon><Username>administrator</Username></AutoLogon>${accounts}`)),
    ).toEqual({ user: 'administrator', password: 'adminpw' });
    // An AutoLogon without a user name does not count.
    expect(parse(unattend(`<AutoLogon><Username> </Username></AutoLogon>${accounts}`))).toEqual({
      user: 'Bob',
      password: 'bobpw',
    });
  });

  it('decodes PlainText false values the way Windows SIM hides them', () => {
    expect(
      parse(
        unattend(
          `<UserAccounts>${plain('AdministratorPassword', hidden('Pä55 wörd', 'AdministratorPassword'), 'false')}</UserAccounts>`,
        ),
      ),
    ).toEqual({ user: 'Administrator', password: 'Pä55 wörd' });
    // Microsoft's documentation example, without base64 padding: "pw" + "Password".
    expect(
      parse(
        unattend(
          `<UserAccounts><LocalAccounts><LocalAccount>${plain('Password', 'cAB3AFAAYQBzAHMAdwBvAHIAZAA', 'False')}<Name>Test1</Name></LocalAccount></LocalAccounts></UserAccounts>`,
        ),
      ),
    ).toEqual({ user: 'Test1', password: 'pw' });
    expect(
      parse(
        unattend(
          `<AutoLogon>${plain('Password', hidden('auto', 'Password'), 'false')}<Username>u</Username></AutoLogon>`,
        ),
      ),
    ).toEqual({ user: 'u', password: 'auto' });
  });

  it('shows no password it cannot read: wrong suffix, not base64, no PlainText, empty', () => {
    const admin = (password: string) =>
      parse(
        unattend(
          `<UserAccounts><AdministratorPassword>${password}</AdministratorPassword></UserAccounts>`,
        ),
      );
    const none = { user: 'Administrator', password: undefined };
    expect(admin(`<Value>${hidden('pw', 'Password')}</Value><PlainText>false</PlainText>`)).toEqual(
      none,
    );
    expect(admin('<Value>not base64!</Value><PlainText>false</PlainText>')).toEqual(none);
    expect(admin('<Value>plain?</Value>')).toEqual(none);
    expect(admin('<Value></Value><PlainText>true</PlainText>')).toEqual(none);
  });

  it('gives nothing for malformed XML, non-XML text, no parser, or no account', () => {
    expect(parseSysprepCredentials(unattend(plain('AdministratorPassword', 'x')), broken)).toBe(
      undefined,
    );
    expect(
      parseSysprepCredentials('<a/>', () => ({
        documentElement: { localName: 'parsererror', children: [], textContent: '' },
        getElementsByTagName: () => [],
      })),
    ).toBeUndefined();
    expect(parse('Administrator')).toBeUndefined();
    // Node has no DOMParser: the default parser throws and nothing is shown.
    expect(parseSysprepCredentials(unattend('<UserAccounts/>'))).toBeUndefined();
    expect(parse(unattend('<ComputerName>win</ComputerName>'))).toBeUndefined();
  });

  it('reads namespaced answer files whatever prefix they use', () => {
    const prefixed = `<u:unattend xmlns:u="urn:schemas-microsoft-com:unattend"><u:settings pass="oobeSystem">
      <u:component name="Microsoft-Windows-Shell-Setup"><u:UserAccounts><u:LocalAccounts>
      <u:LocalAccount><u:Name>dave</u:Name><u:Password><u:Value>pw</u:Value><u:PlainText>true</u:PlainText></u:Password></u:LocalAccount>
      </u:LocalAccounts></u:UserAccounts></u:component></u:settings></u:unattend>`;
    expect(parse(prefixed)).toEqual({ user: 'dave', password: 'pw' });
  });
});

const adminFile = unattend(`<UserAccounts>${plain('AdministratorPassword', 'a')}</UserAccounts>`);
const localFile = unattend(
  `<UserAccounts><LocalAccounts><LocalAccount><Name>eve</Name></LocalAccount></LocalAccounts></UserAccounts>`,
);

describe('getSysprepCredentials', () => {
  it('asks Autounattend.xml first, then Unattend.xml', () => {
    expect(
      getSysprepCredentials(
        { 'Autounattend.xml': adminFile, 'Unattend.xml': localFile },
        parseTree,
      ),
    ).toEqual({ user: 'Administrator', password: 'a', file: 'Autounattend.xml' });
    expect(
      getSysprepCredentials(
        {
          'Autounattend.xml': unattend('<ComputerName>w</ComputerName>'),
          'Unattend.xml': localFile,
        },
        parseTree,
      ),
    ).toEqual({ user: 'eve', password: undefined, file: 'Unattend.xml' });
    expect(
      getSysprepCredentials({ 'Autounattend.xml': '', 'Unattend.xml': '' }, parseTree),
    ).toBeUndefined();
  });
});

describe('sysprepSourceFiles', () => {
  it("takes a ConfigMap's data as it is and decodes a Secret's base64 (UTF-8)", () => {
    expect(sysprepSourceFiles({ data: { 'Unattend.xml': '<u/>' } }, 'configMap')).toEqual({
      'Autounattend.xml': '',
      'Unattend.xml': '<u/>',
    });
    expect(
      sysprepSourceFiles(
        {
          data: {
            'Autounattend.xml': Buffer.from('<a>ä</a>').toString('base64'),
            'Unattend.xml': '%%%',
          },
        },
        'secret',
      ),
    ).toEqual({ 'Autounattend.xml': '<a>ä</a>', 'Unattend.xml': '' });
    expect(sysprepSourceFiles(undefined, 'secret')).toEqual({
      'Autounattend.xml': '',
      'Unattend.xml': '',
    });
  });
});

describe('the .rdp file', () => {
  it('names the user the answer file sets', () => {
    const creds = getSysprepCredentials(
      { 'Autounattend.xml': '', 'Unattend.xml': localFile },
      parseTree,
    );
    expect(buildRDPFile('10.0.0.5', 30389, creds?.user)).toBe(
      'full address:s:10.0.0.5:30389\r\nusername:s:eve\r\n',
    );
    expect(buildRDPFile('10.0.0.5', 30389, undefined)).toBe('full address:s:10.0.0.5:30389\r\n');
  });
});
