import { describe, expect, it } from 'vitest';
import { uploadEndpoint, uploadPhase } from './uploadProxy';

describe('uploadEndpoint', () => {
  it.each([
    [
      'cdi-uploadproxy-openshift-cnv.apps.example.com',
      'https:',
      'https://cdi-uploadproxy-openshift-cnv.apps.example.com/v1beta1/upload-form-async',
    ],
    ['127.0.0.1:6443', 'http:', 'http://127.0.0.1:6443/v1beta1/upload-form-async'],
    [
      'https://upload.example.com/',
      'http:',
      'https://upload.example.com/v1beta1/upload-form-async',
    ],
    [' proxy.example.com// ', 'https:', 'https://proxy.example.com/v1beta1/upload-form-async'],
  ])('%s on an %s page', (url, protocol, want) => expect(uploadEndpoint(url, protocol)).toBe(want));
});

describe('uploadPhase', () => {
  it.each([
    ['UploadReady', 'ready'],
    ['UploadScheduled', 'waiting'],
    ['Pending', 'waiting'],
    ['PendingPopulation', 'waiting'],
    [undefined, 'waiting'],
    ['Failed', 'failed'],
    ['Succeeded', 'failed'],
  ])('%s → %s', (phase, want) => expect(uploadPhase(phase)).toBe(want));
});
