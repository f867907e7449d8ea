export { PolicyPage } from './PolicyPage';
export { RolesPage } from './RolesPage';
export { UsersPage } from './UsersPage';
