/** The app's few screens. A tiny state router: no URLs to leak, nothing to load. */
export type Route =
  | { name: 'today' }
  | { name: 'practice'; id: string }
  | { name: 'settings'; section?: 'privacy' }
  | { name: 'learn' }
  | { name: 'card'; slug: string }
  | { name: 'wins' }
  | { name: 'wins-print'; month: string }
  | { name: 'ready' }
  | { name: 'plan'; personId: number }
  | { name: 'plan-print'; personId: number; version: number }
  | { name: 'care' }
  | { name: 'selfcheck'; id: string }
  | { name: 'reminders' };

class Router {
  current = $state<Route>({ name: 'today' });

  go(route: Route) {
    this.current = route;
  }
}

export const router = new Router();
