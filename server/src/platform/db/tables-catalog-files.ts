/** Files beside the catalogue: a material's blank form (空白表格) and filled-in sample (填写样例), per item version. */
export interface CatalogMaterialFileTable {
  id: string;
  item_id: string;
  version: number;
  material_key: string;
  /** 'blank_form' | 'sample' */
  kind: string;
  display_name: string;
  content_type: string;
  size: number;
  /** The bytes are kept under DATA_DIR/files/catalogue/<itemId>/<sha256>. */
  sha256: string;
  uploaded_by: string;
  uploaded_at: number;
}

export interface CatalogFileTables {
  catalog_material_files: CatalogMaterialFileTable;
}
