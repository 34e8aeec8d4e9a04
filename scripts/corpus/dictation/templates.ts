/** Everyday dictation, by theme; `{slot}` names are filled from ./slots. */
export const TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  numbers: [
    'The total comes to {money}.', 'It costs {money} including tax.', 'Add {count} items to the order.',
    'The population is about {big}.', 'Set the volume to {percent}.', 'My phone number is {phone}.',
    'Turn to chapter {count}, page {count}.', 'Please send {count} copies by {weekday}.', 'It is {count} degrees outside.',
    'The score was {small} to {small}.', 'Multiply {count} by {small}.', 'Version {decimal} is out now.',
    'We sold {big} units last year.', 'The discount is {percent} off.', 'I paid {money} for the tickets.',
    'There are {count} people on the list.', 'Room {house} is on the left.', 'Sales grew by {percent} this quarter.',
    'The rent went up to {money} a month.', 'Order number {phone} has shipped.'
  ],
  dates: [
    'The meeting is on {weekday}, {month} {dayOrd}.', 'My birthday is on the {dayOrd} of {month}.',
    'The deadline is {month} {dayOrd}, {year}.', 'We moved here in {year}.', 'See you next {weekday}.',
    'The invoice is dated {month} {dayOrd}.', 'She was born in {month} {year}.', 'The conference starts on {month} {dayOrd}.',
    'I am on holiday until the {dayOrd}.', 'Schedule the review for {weekday} the {dayOrd}.',
    'The house was built in {year}.', 'Payment is due on the {dayOrd} of every month.'
  ],
  times: [
    'Wake me up at {time}.', 'Set an alarm for {time}.', 'The train leaves at {time}.',
    "Let's meet at {time} on {weekday}.", 'Remind me to call {name} at {time}.', 'The shop closes at {time}.',
    'Dinner is at {time} tonight.', 'The flight lands at {time} on {weekday}.', 'Can we start at {time} instead?',
    'The store opens at {time} on weekdays.'
  ],
  addresses: [
    'I live at {house} {street} {streetType}.', 'Send the package to {house} {street} {streetType}, {city}.',
    'The office is on {street} {streetType} near {place}.', 'Turn left onto {street} {streetType}.',
    'My address is apartment {small}, {house} {street} {streetType}.', 'The zip code is {zip}.',
    'We are meeting at the cafe on {street} {streetType}.', 'Drive to {house} {street} {streetType} in {city}.',
    'The new store is next to {place} on {street} {streetType}.'
  ],
  commands: [
    'Open the file.', 'Open the {file}.', 'Save the {file}.', 'Close the window.', 'Delete the last word.',
    'Delete that sentence.', 'New paragraph.', 'Start a new line.', 'Select all the text.', 'Undo that.', 'Copy this text.',
    'Paste it here.', 'Scroll down.', 'Scroll up a little.', 'Go to the top of the page.', 'Start dictation.',
    'Stop recording.', 'Open {app}.', 'Search for {thing}.', 'Rename the {file} to {file}.',
    'Move the {file} to the {folder} folder.', 'Print the {file}.', 'Send the {file} to {name}.', 'Turn the volume up.',
    'Mute the microphone.', 'Play the next song.', 'Call {name} {surname}.', 'Read my new messages.',
    'Show me the weather for {weekday}.', 'Zoom in.', 'Capitalize that word.', 'Insert a comma.', 'Go back to the previous page.',
    'Close all tabs.', 'Open a new tab.', 'Share the {file} with {name}.', 'Find the {file} from {weekday}.',
    'Export the {file} as a text file.', 'Create a folder called {folder}.', 'Switch to {app}.'
  ],
  email: [
    'Dear {name},', 'Hi {name}, thanks for your message.', 'Thank you for getting back to me so quickly.',
    'Please find the {file} attached.', 'I will send you the {file} by {weekday}.', 'Let me know if you have any questions.',
    'Best regards, {name}.', 'Could we move our call to {weekday} at {time}?', "I'm out of the office until {month} {dayOrd}.",
    'Looking forward to hearing from you.', 'Sorry for the late reply.', 'Can you review the {file} before {time} tomorrow?',
    'I have attached the {file} for your review.', 'Kind regards, {name} {surname}.', 'Hope you had a great weekend.',
    'Please call me back on {phone}.', 'Just a quick reminder about the meeting on {weekday}.',
    'I am happy to help with the {file}.', 'Could you send me the latest version of the {file}?', 'Thanks again for your help.'
  ]
}
