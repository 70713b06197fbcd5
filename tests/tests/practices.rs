//! The practices' main actions in the real window, each surviving a relaunch: a listening
//! moment, a check-in, an appointment with questions, a boundary and giving space. Today's
//! suggestions follow what was set up.

use alongside_e2e::{day_from_now, App};

#[tokio::test(flavor = "multi_thread")]
async fn listen_check_in_appointment_boundary_and_space_survive_a_relaunch() {
    let data = tempfile::tempdir().expect("data dir");
    let app = App::launch(data.path()).await;
    app.onboard("Sam", "Anxiety", "Ireland").await;
    app.heading("For today").await;

    // Listen: a listening moment; first without the one required answer.
    app.click("Listen without judgment").await;
    app.heading("Listen without judgment").await;
    app.type_into("What did they share?", "Work has been too much")
        .await;
    app.click("Save this listening moment").await;
    app.sees("Please choose yes, partly or no").await;
    app.pick("Partly").await;
    app.type_into("What did you learn? (optional)", "They feel stuck")
        .await;
    app.click("Save this listening moment").await;
    app.sees("Saved. Listening like this is a real gift.").await;

    // Check in.
    app.click("Today").await;
    app.click("Check in regularly").await;
    app.heading("Check in regularly").await;
    app.pick("A call").await;
    app.choose("How did it go? (optional)", "5 – It went well")
        .await;
    app.type_into("A note (optional)", "Laughed about the cat")
        .await;
    app.click("Save this check-in").await;
    app.sees("Saved. Small, steady contact matters.").await;
    app.sees("A call · went 5 of 5").await;

    // Encourage treatment: an appointment with questions; first without a time.
    app.click("Today").await;
    app.click("Encourage treatment").await;
    app.heading("Encourage treatment").await;
    app.type_into("With whom?", "Dr Lee").await;
    app.click("Add the appointment").await;
    app.sees("Please choose the day and time of the appointment.")
        .await;
    app.set_value("Day", &day_from_now(2)).await;
    app.type_into("Time", "1030").await;
    app.type_into(
        "Questions to ask (one per line)",
        "Side effects?\nNext review?",
    )
    .await;
    app.check("I am giving a ride").await;
    app.click("Add the appointment").await;
    app.sees("The appointment is saved.").await;
    app.sees("Next review?").await;

    // Respect boundaries: a boundary, then giving space.
    app.click("Today").await;
    app.click("Respect boundaries").await;
    app.heading("Respect boundaries").await;
    app.type_into("The boundary", "No questions about work at dinner")
        .await;
    app.click("Add the boundary").await;
    app.sees("No questions about work at dinner").await;
    let until = day_from_now(5);
    app.set_value("Until", &until).await;
    app.click("Give space").await;
    app.sees("Check-in suggestions are paused until then.")
        .await;
    app.quit().await;

    // Relaunch: all of it is still there, and Today follows it.
    let app = App::launch(data.path()).await;
    app.heading("For today").await;
    app.sees("Sam's appointment with Dr Lee is").await;
    app.sees("at 10:30").await;
    app.sees("Sam asked for some space until").await;
    app.sees("You checked in once.").await;
    app.click("Listen without judgment").await;
    app.sees("Work has been too much").await;
    app.sees("Listened: Partly").await;
    app.click("Today").await;
    app.click("Check in regularly").await;
    app.sees("Laughed about the cat").await;
    app.click("Today").await;
    app.click("Encourage treatment").await;
    app.sees("Side effects?").await;
    app.sees("you are giving a ride").await;
    app.click("Today").await;
    app.click("Respect boundaries").await;
    app.sees("No questions about work at dinner").await;
    app.button("End the pause now").await;
    app.quit().await;
}
