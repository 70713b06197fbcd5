/** How many modal dialogs are open now: passing notes stay out of their way. */
class OpenDialogs {
  count = $state(0);

  get any(): boolean {
    return this.count > 0;
  }
}

export const openDialogs = new OpenDialogs();
