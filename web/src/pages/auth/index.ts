export { ChangePasswordPage } from './ChangePasswordPage';
export { LoginPage } from './LoginPage';
