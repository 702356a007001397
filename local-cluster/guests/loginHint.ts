/**
 * The line shown above a guest's login prompt. Cloud images print nothing like it, but here the
 * credentials come from the VM's cloud-init volume and a demo console should say what they are.
 */
export function loginHint(user: string | undefined, password: string | undefined): string {
  if (!user) return 'Log in as "root" (no password).';
  return password
    ? `Log in as "${user}" with password "${password}" (from cloud-init).`
    : `Log in as "${user}" (no password).`;
}
