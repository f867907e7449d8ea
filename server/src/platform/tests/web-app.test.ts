import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
let dist: string;
beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-dist-'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>一窗通办</title>');
  hall = await buildTestHall({ seed: false, webDist: dist });
});
afterAll(async () => {
  await hall.close();
  fs.rmSync(dist, { recursive: true, force: true });
});
describe('serving the web app', () => {
  it('answers page addresses with index.html and files added after start', async () => {
    const page = await hall.app.inject({ method: 'GET', url: '/catalog/123' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('一窗通办');
    fs.writeFileSync(path.join(dist, 'late.js'), 'console.log(1)');
    const late = await hall.app.inject({ method: 'GET', url: '/late.js' });
    expect(late.statusCode).toBe(200);
    expect(late.body).toBe('console.log(1)');
  });

  it('keeps unknown API addresses a JSON 404', async () => {
    const res = await hall.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
});
