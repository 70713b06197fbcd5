import { Lazy } from '../../lib/lazy.svelte';

/** Chart.js, fetched (from inside the app) only for the screens that draw a chart. */
export const chartJs = new Lazy(() => import('./chart-setup'));
