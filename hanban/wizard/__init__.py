"""The wizard: answers, the flow over the questions, the answer loop, and the checklist. No terminal."""
