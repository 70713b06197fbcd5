/** Whether Crisis help is open. Any screen (a card about risk, a self-check) can open it. */
class CrisisHelpState {
  open = $state(false);
  /** Kind, direct words shown above the lines when something the caregiver said led here. */
  message = $state<string | null>(null);

  show(message: string | null = null) {
    this.message = message;
    this.open = true;
  }
}

export const crisisHelp = new CrisisHelpState();
