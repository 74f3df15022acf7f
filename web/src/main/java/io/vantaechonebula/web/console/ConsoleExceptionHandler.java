package io.vantaechonebula.web.console;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the console does with an exception from a page or an action: the operator reads a message, never a
 * stack trace. A refused action says which role it needs; an expired page is loaded again; anything else
 * is logged with a reference the message gives, so the operator can find it in the server log.
 */
public class ConsoleExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ConsoleExceptionHandler.class.getName());

    public ConsoleExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            Throwable thrown = events.next().getContext().getException();
            events.remove();
            answer(faces, thrown);
        }
        super.handle();
    }

    private static void answer(FacesContext faces, Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof FacesException || cause instanceof jakarta.el.ELException
                || cause instanceof jakarta.ejb.EJBException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ViewExpiredException expired) {
            reload(faces, expired.getViewId());
            return;
        }
        String who = faces.getExternalContext().getRemoteUser();
        if (cause instanceof NotPermittedException refused) {
            LOG.info(() -> "Console: refused an action of '" + who + "': " + refused.getMessage());
            Messages.error("Not done: " + refused.getMessage());
        } else if (cause instanceof IllegalArgumentException invalid) {
            Messages.error("Not done: " + invalid.getMessage());
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "Console: failed for '" + who + "' (reference " + reference + ")", thrown);
            Messages.error("Something went wrong (reference " + reference + " in the server log); nothing was changed by it."
                    + " Try again, or reload the page.");
        }
        if (faces.getCurrentPhaseId() == jakarta.faces.event.PhaseId.RENDER_RESPONSE
                && !faces.getPartialViewContext().isAjaxRequest()) {
            faces.responseComplete();
        }
    }

    private static void reload(FacesContext faces, String viewId) {
        try {
            String path = viewId == null ? "/console/index.xhtml" : viewId;
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + path);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not send the expired page again", e);
        }
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ConsoleExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
