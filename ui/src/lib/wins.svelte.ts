// The date helpers moved to ./dates and the wins state to features/wins. This file only keeps the
// old import path working for the strain and readiness screens until they import ./dates directly;
// delete it then.
export { dayLabel, localDay, mondayOf, monthLabel, weekLabel, yesterday } from './dates';
