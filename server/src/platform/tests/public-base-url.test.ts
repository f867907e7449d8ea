import { describe, expect, it } from 'vitest';
import { publicBaseUrlWarning } from '../config.ts';

describe('PUBLIC_BASE_URL at start', () => {
  it('warns when the server is reachable from other machines and the QR codes would point to localhost', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'zwfw.example.gov.cn']) {
      const warning = publicBaseUrlWarning({}, host);
      expect(warning, host).toContain('PUBLIC_BASE_URL');
      expect(warning, host).toContain(host);
    }
  });

  it('stays quiet when it is set, or when only this machine can reach the server', () => {
    expect(publicBaseUrlWarning({ PUBLIC_BASE_URL: 'https://zwfw.example.gov.cn' }, '0.0.0.0')).toBeNull();
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.1.1'])
      expect(publicBaseUrlWarning({}, host)).toBeNull();
  });

  it('an empty PUBLIC_BASE_URL counts as unset', () => {
    expect(publicBaseUrlWarning({ PUBLIC_BASE_URL: '  ' }, '0.0.0.0')).not.toBeNull();
  });
});
