export { CatalogListPage } from './CatalogListPage';
export { ItemEditorPage } from './ItemEditorPage';
