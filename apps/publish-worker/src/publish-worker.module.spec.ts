// Records which libraries get required (the real modules still load).
const mockLoaded: string[] = [];
jest.mock('@copydesk/enrichment', () => {
  mockLoaded.push('enrichment');
  return jest.requireActual<object>('@copydesk/enrichment');
});
jest.mock('@copydesk/extraction', () => {
  mockLoaded.push('extraction');
  return jest.requireActual<object>('@copydesk/extraction');
});

describe('publish worker module', () => {
  it('loads neither the enrichment library nor the ingest stage, which the whole pipeline library brings', () => {
    // requireActual loads the module itself; what it imports still goes through the mocks above.
    jest.requireActual<object>('./publish-worker.module');
    expect(mockLoaded).toEqual([]);

    jest.requireActual<object>('@copydesk/pipeline');
    expect(mockLoaded).toEqual(expect.arrayContaining(['enrichment', 'extraction']));
  });
});
