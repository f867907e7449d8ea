import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The browser files share one server and its demo hall, so they run in one fixed order: by name. Vitest's own
 * order follows its cache (failed first, then slowest) and would differ between a developer's machine and CI.
 */
export class ByName extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
  }
}
