/** Whether Crisis help is open. Any screen (a card about risk, a self-check) can open it. */
class CrisisHelpState {
  open = $state(false);
  /** Kind, direct words shown above the lines when something the caregiver said led here. */
  message = $state<string | null>(null);
  /** True when the call would be about the caregiver themselves: Crisis help shows words for that. */
  forSelf = $state(false);
  /**
   * Set when the caregiver answers a crisis question (PHQ-9 item 9) above its lowest value, and
   * kept for the rest of the session whether or not the form is saved: going Back, or a failed
   * save, must not make the help disappear.
   */
  flagged = $state<string | null>(null);

  show(message: string | null = null, options: { forSelf?: boolean } = {}) {
    this.message = message;
    this.forSelf = options.forSelf ?? false;
    this.open = true;
  }

  /** A crisis answer: open Crisis help for the caregiver at once, and keep a way back to it. */
  flag(message: string | null) {
    this.flagged = message ?? 'You told us you have had thoughts of death or of hurting yourself.';
    this.show(message, { forSelf: true });
  }
}

export const crisisHelp = new CrisisHelpState();
