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
  | { name: 'reminders' }
  /** The appointment report; `personId` picks who a report about the person is about. */
  | { name: 'report'; about: 'me' | 'person'; personId?: number }
  /** A circle of support: a person supported's, or the caregiver's own (`personId` null). */
  | { name: 'circle'; personId: number | null }
  /** The care circle: relatives on other computers sharing the caring. */
  | { name: 'care-circle' };

class Router {
  current = $state<Route>({ name: 'today' });

  go(route: Route) {
    this.current = route;
  }
}

export const router = new Router();
