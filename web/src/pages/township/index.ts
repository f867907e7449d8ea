export { TownshipPage } from './TownshipPage';
