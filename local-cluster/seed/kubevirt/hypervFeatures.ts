/** The Hyper-V enlightenments the common Windows templates and preferences turn on. */
export const WINDOWS_HYPERV_FEATURES = {
  frequencies: {},
  ipi: {},
  reenlightenment: {},
  relaxed: {},
  reset: {},
  runtime: {},
  spinlocks: { spinlocks: 8191 },
  synic: {},
  synictimer: { direct: {} },
  tlbflush: {},
  vapic: {},
  vpindex: {},
};
