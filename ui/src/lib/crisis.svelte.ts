/** Whether Crisis help is open. Any screen (a card about risk, a self-check) can open it. */
class CrisisHelpState {
  open = $state(false);

  show() {
    this.open = true;
  }
}

export const crisisHelp = new CrisisHelpState();
